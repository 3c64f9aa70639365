"""Statement mail: composition (``compose``), SMTP delivery (``transport``) and the outbox (``outbox``)."""
