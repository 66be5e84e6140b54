package io.realtimeblog.realtime.presence;

/** Receives every presence notice of the cluster, in topic order, on the presence stream's thread. */
public interface PresenceListener {

    void on(PresenceNotice notice);
}
