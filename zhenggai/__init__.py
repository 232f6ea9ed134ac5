"""zhenggai (整改): carries an inspection's findings to verified, lasting rectification."""
