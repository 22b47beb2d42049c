"""Records of every collection: tables, the generic create/get/patch service and routes."""
