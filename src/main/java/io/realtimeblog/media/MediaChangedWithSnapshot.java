package io.realtimeblog.media;

import java.util.UUID;

/** Every change but a delete carries the image as the change left it, so its id and version are the snapshot's. */
sealed interface MediaChangedWithSnapshot extends MediaChanged permits MediaCreated, MediaUpdated {

    /** The image as this change left it. */
    MediaSnapshot media();

    @Override
    default UUID mediaId() {
        return media().id();
    }

    @Override
    default long version() {
        return media().version();
    }
}
