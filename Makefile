# bale's front door.  Everything real is in CMakeLists.txt; this file names
# the few commands a newcomer needs:
#   make        release build: build/bale and build/release/libbale.a
#   make demo   build, then run bale on examples/ (see the demo target)
#   make test   debug build with ASan+UBSan, every test through ctest, then
#               the threaded tests again under ThreadSanitizer
#   make deps   install missing Debian packages (apt-get)
#   make bench  the benchmarks in bench/ (not tests; compares with peers)
#   make fuzz   fuzz the parser, then the bundler, for FUZZ_SECONDS each
#               (default 60; FUZZ_TARGET=parse or bundle runs one)
JOBS ?= $(shell nproc)
CMAKE_GEN = -G Ninja

.PHONY: all release debug tsan deps demo test test-asan test-tsan bench fuzz clean

all: release

deps:
	@scripts/deps.sh

release: deps
	@cmake -S . -B build/release $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release -DBALE_WERROR=OFF -DBALE_TESTS=OFF >/dev/null
	@cmake --build build/release -j $(JOBS)
	@ln -sf release/bale build/bale
	@echo "built build/bale and build/release/libbale.a"

debug: deps
	@cmake -S . -B build/debug $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DBALE_SANITIZE=address >/dev/null
	@cmake --build build/debug -j $(JOBS)

tsan: deps
	@cmake -S . -B build/tsan $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBALE_SANITIZE=thread >/dev/null
	@cmake --build build/tsan -j $(JOBS)

test-asan: debug
	@scripts/npm-deps.sh
	@cd build/debug && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS)

test-tsan: tsan
	@cd build/tsan && TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
	  ctest --output-on-failure -L tsan -j $(JOBS)

test: test-asan test-tsan

demo: release
	@scripts/demo.sh build/bale

bench: release
	@bench/run.sh

# libFuzzer on the parser and on bale_build, FUZZ_SECONDS (default 60) each;
# findings become regression inputs in tests/fuzz/regressions/ (bundle/ for
# the bundler's), replayed by ctest.  Needs clang (deps.sh fuzz installs it).
fuzz:
	@scripts/deps.sh fuzz
	@tests/fuzz/run.sh

clean:
	rm -rf build
