"""Warta on Apache Spark: the same pipeline per partition, loaded once per executor."""
