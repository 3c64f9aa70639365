"""The Huey plumbing: the queue instance, its one task, the consumer, the office schedule, pause
and the recovery of lost work. The office's work itself (``jobs.statements``, ``jobs.documents``)
does not know Huey; these modules run it (decisions: "jobs/queue: Huey beside the use cases")."""
