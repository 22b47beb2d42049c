"""Call events from the company's phone system, turned into screen pops for advocates."""
