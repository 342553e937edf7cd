"""Throughput and latency benchmarks of Parley (`python -m bench.run`); see the README's "Benchmarks" section.

Nothing here is imported by the product; the numbers it prints are the only speed assertions the project makes.
"""
