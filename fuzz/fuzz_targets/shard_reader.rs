//! A damaged or hostile body shard gives an error, never a panic. The checksum would turn away
//! almost every input before the interesting parts, so the table is made to expect the input's
//! own CRC-32: inflate and postcard then see arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use readingroom_core::shards::{decode, ShardTable};

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"RRSH".to_vec();
    bytes.extend_from_slice(&readingroom_core::shards::SHARD_FORMAT.to_le_bytes());
    bytes.extend_from_slice(&0u32.to_le_bytes());
    bytes.extend_from_slice(data);
    for input in [data, &bytes[..]] {
        let table = ShardTable { starts: vec![0], crcs: vec![crc32fast::hash(input)] };
        for count in [0, 1, 3] {
            let _ = decode(&table, 0, count, input);
        }
    }
});
