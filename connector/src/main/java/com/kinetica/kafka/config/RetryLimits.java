package com.kinetica.kafka.config;

/**
 * How long failed writes are retried: a time budget, an optional count (the original connector's
 * {@code kinetica.retry_count}; negative for none) and the backoff, doubling from the first wait
 * up to the ceiling.
 */
public record RetryLimits(long budgetMs, int maxRetries, long firstBackoffMs, long maxBackoffMs) {
}
