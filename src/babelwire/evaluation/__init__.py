"""Quality measurement: scorers for clustering, and (later) the evaluation harness."""
