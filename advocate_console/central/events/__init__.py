"""Events pushed to one advocate's consoles over one stream (Server-Sent Events)."""
