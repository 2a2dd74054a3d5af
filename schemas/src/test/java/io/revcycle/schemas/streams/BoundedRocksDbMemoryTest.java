package io.revcycle.schemas.streams;

import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedRocksDbMemoryTest {

    static {
        RocksDB.loadLibrary();
    }

    @Test
    void everyStoreGetsSmallMemtablesCountedInOneSharedCacheWithItsIndexesCached() {
        BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        try (Options claims = new Options().setTableFormatConfig(new BlockBasedTableConfig());
             Options ledger = new Options().setTableFormatConfig(new BlockBasedTableConfig())) {
            setter.setConfig("claims", claims, Map.of());
            setter.setConfig("claim-ledger", ledger, Map.of());

            for (Options options : new Options[] {claims, ledger}) {
                assertEquals(BoundedRocksDbMemory.MEMTABLE_BYTES, options.writeBufferSize());
                assertEquals(BoundedRocksDbMemory.MEMTABLES_PER_STORE, options.maxWriteBufferNumber());
                assertTrue(((BlockBasedTableConfig) options.tableFormatConfig()).cacheIndexAndFilterBlocks(),
                        "index and filter blocks are charged to the bounded cache, not kept on the side");
            }
            assertSame(BoundedRocksDbMemory.shared(Map.of()), BoundedRocksDbMemory.shared(Map.of()),
                    "one cache and write-buffer manager for the whole JVM");
            setter.close("claims", claims);
            assertTrue(BoundedRocksDbMemory.shared(Map.of()).cache().isOwningHandle(), "closing a store keeps the shared cache open");
        }
    }
}
