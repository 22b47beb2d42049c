"""Phone systems' integration keys: created by admins, stored hashed, revocable."""
