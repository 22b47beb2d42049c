"""Who else is on a case: consoles that have it open, advocates who changed it lately."""
