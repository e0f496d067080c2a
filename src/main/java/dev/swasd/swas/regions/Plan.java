package dev.swasd.swas.regions;

import java.util.List;

/**
 * A server plan (bundle). Prices are monthly list prices in {@code currency}; memory in GiB,
 * disk in GiB, bandwidth in Mbit/s, flow (monthly traffic) in GiB.
 */
public record Plan(
        String planId,
        int core,
        double memory,
        int diskSize,
        String diskType,
        int bandwidth,
        int flow,
        String originPrice,
        String currency,
        List<String> supportPlatform,
        String planType,
        String ispType,
        String publicIpNum) {}
