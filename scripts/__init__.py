"""Development scripts; a package so ``lint-imports`` finds ``scripts.importcontracten``."""
