/// How the process's allocator hands memory back, for the batch tools. No effect but on Linux with glibc.
public enum ProcessMemory {
    /// Asks glibc's allocator to serve every block of 128 KB or more from its own mapping and to give
    /// free memory at the top of its heap back above 128 KB. By default both limits grow as large blocks
    /// are freed, so the arrays pmrun builds and lets go (a loader's rows, a merge's inputs, a report's
    /// blocks) stayed in the heap as holes; on national data that was a tenth of the peak.
    public static func returnFreedBlocks() {
        #if os(Linux) && canImport(Glibc)
        // M_MMAP_THRESHOLD (-3) and M_TRIM_THRESHOLD (-1) from <malloc.h>, which Swift's Glibc module
        // does not include.
        _ = glibcMallopt(-3, 128 * 1024)
        _ = glibcMallopt(-1, 128 * 1024)
        #endif
    }

    /// Gives the free memory inside the allocator's heaps back to the system (glibc's `malloc_trim`):
    /// what the linter or the loaders let go, once nothing else lies among it.
    public static func giveBackFreeMemory() {
        #if os(Linux) && canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux) && canImport(Glibc)
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32

@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
