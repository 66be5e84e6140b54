/**
 * The {@code doctor} command: a service check for people setting the system up. Run as
 * {@code java -jar realtime-blog.jar doctor [--url=http://host:8080]}, it reads the same configuration as the
 * application (environment variables, {@code application.yml}, {@code --name=value} arguments), starts neither the
 * web server nor the embedded broker, and checks the database, Kafka, the event topic and a full round trip through
 * a running instance (REST → outbox → Kafka → WebSocket). One line per check; exit code 0 only when all pass.
 *
 * <p>API: {@link io.realtimeblog.doctor.Doctor}.
 */
package io.realtimeblog.doctor;
