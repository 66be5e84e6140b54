/**
 * The system's state for staff at a glance ({@code GET /api/status}, the admin's Status page): the health of the
 * database, Kafka and the outbox, and this instance's real-time figures, read from the actuator's health
 * contributors and the Micrometer registry. It depends on no other module: it reads the meters by their
 * documented names (docs/operations.md, "Meters").
 */
package io.realtimeblog.status;
