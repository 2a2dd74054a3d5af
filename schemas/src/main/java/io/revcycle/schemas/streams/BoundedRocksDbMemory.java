package io.revcycle.schemas.streams;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

import java.util.Map;

/**
 * Bounds the native memory of every RocksDB store of a Kafka Streams application together
 * ({@code rocksdb.config.setter}). By default each store instance (one per store and partition)
 * gets its own 50 MiB block cache and up to three 16 MiB memtables: payment posting's seven
 * stores on three partitions alone could take two gigabytes. Here all of them share one block
 * cache, which the memtables are charged to as well, so the whole JVM's RocksDB memory stays near
 * {@value #TOTAL_BYTES_CONFIG} (default {@value #DEFAULT_TOTAL_BYTES} bytes), a quarter of it for
 * memtables. The size is read from the Streams configuration the first time a store opens.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Streams configuration key: bytes of block cache and memtables for all stores of this JVM. */
    public static final String TOTAL_BYTES_CONFIG = "revcycle.rocksdb.total.bytes";
    public static final long DEFAULT_TOTAL_BYTES = 64L * 1024 * 1024;
    static final long MEMTABLE_BYTES = 4L * 1024 * 1024;
    static final int MEMTABLES_PER_STORE = 2;

    private static Shared shared;

    /** The cache and write-buffer manager every store of the JVM uses; never closed while the JVM runs. */
    record Shared(Cache cache, WriteBufferManager writeBuffers, long totalBytes) {
    }

    static synchronized Shared shared(Map<String, Object> configs) {
        if (shared == null) {
            Object configured = configs.get(TOTAL_BYTES_CONFIG);
            long total = configured == null ? DEFAULT_TOTAL_BYTES : Long.parseLong(configured.toString());
            // index and filter blocks get a tenth of the cache at high priority, so data blocks cannot evict them
            Cache cache = new LRUCache(total, -1, false, 0.1);
            shared = new Shared(cache, new WriteBufferManager(total / 4, cache), total);
        }
        return shared;
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared memory = shared(configs);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setWriteBufferSize(MEMTABLE_BYTES);
        options.setMaxWriteBufferNumber(MEMTABLES_PER_STORE);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write-buffer manager are shared by every store: they live as long as the JVM
    }
}
