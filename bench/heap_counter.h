#pragma once
// Counts the heap this process uses (operator new/delete are replaced in heap_counter.cpp), so a
// benchmark can report the peak heap of one piece of work — here the connector's, with Wix in another
// process.
#include <cstddef>

namespace estore::bench {

std::size_t heapInUse();
std::size_t heapPeak();
/// Starts a new peak from the current use; returns the current use.
std::size_t resetHeapPeak();

}  // namespace estore::bench
