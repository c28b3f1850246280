-- The W3C traceparent of the span that wrote the event, if any: the relay sends it on as the CloudEvents
-- distributed-tracing extension (ce_traceparent), so one trace follows a request across the Kafka hops.
alter table outbox_event add column traceparent text;
