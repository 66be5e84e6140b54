package io.realtimeblog.status;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** {@code GET /api/status}: for every staff role (the admin's Status page); anonymous callers get 401. */
@RestController
class StatusController {

    private final StatusReader reader;

    StatusController(StatusReader reader) {
        this.reader = reader;
    }

    @Operation(summary = "The system at a glance",
            description = "Health of the database, Kafka and the outbox, and this instance's real-time figures "
                    + "(docs/operations.md). Any staff role. The status is UP only when all three parts are up; "
                    + "the answer is 200 either way.")
    @GetMapping("/api/status")
    ResponseEntity<SystemStatus> status() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(reader.read());
    }
}
