"""The conference bridge service (``advocate-central bridge``): PJSIP's conference bridge
on the null sound device, steered through the database by the central API."""
