"""Pure-Python rules of Sanxiang: no Django imports (enforced by import-linter)."""
