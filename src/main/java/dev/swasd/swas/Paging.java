package dev.swasd.swas;

import java.util.List;

/** PageNumber and PageSize of a List action, defaults applied. */
public record Paging(int number, int size) {
    /** The largest page any action serves, whatever the catalog lets through. */
    private static final int MAX_SIZE = 1000;

    public static Paging of(Long pageNumber, Long pageSize, int defaultSize) {
        long number = pageNumber == null ? 1 : pageNumber;
        long size = pageSize == null ? defaultSize : pageSize;
        return new Paging((int) Math.min(number, Integer.MAX_VALUE), (int) Math.min(size, MAX_SIZE));
    }

    public int offset() {
        long o = (long) (number - 1) * size;
        return o > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) o;
    }

    public <T> List<T> slice(List<T> all) {
        int from = Math.min(all.size(), offset());
        return all.subList(from, Math.min(all.size(), from + size));
    }
}
