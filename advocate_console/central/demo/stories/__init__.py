"""The stories the product exists for, one module each; they open the first batch."""
