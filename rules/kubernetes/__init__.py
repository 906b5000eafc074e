"""Rules over Kubernetes objects."""
