# Front door. CMake does the real work; see README.md.
BUILD ?= build
JOBS ?= 2
EXAMPLE ?= examples/aurora-q3-2025.txt

.PHONY: all build deps demo check asan fuzz bench clean

all: build

deps:
	@sh scripts/deps.sh build

build:
	@test -f $(BUILD)/CMakeCache.txt || cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: deps build
	./$(BUILD)/earnest digest $(EXAMPLE)

check:
	@sh scripts/deps.sh test
	@$(MAKE) --no-print-directory build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The test suite again under AddressSanitizer + UndefinedBehaviorSanitizer.
asan:
	@sh scripts/deps.sh test
	@test -f build-asan/CMakeCache.txt || cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DEA_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir build-asan --output-on-failure -j $(JOBS)

# libFuzzer targets, FUZZ_SECONDS each (default 8).
fuzz:
	@sh scripts/deps.sh fuzz
	@test -f build-fuzz/CMakeCache.txt || CC=clang cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEA_FUZZ=ON -DEA_WERROR=OFF >/dev/null
	@cmake --build build-fuzz -j $(JOBS)
	sh fuzz/run.sh build-fuzz $${FUZZ_SECONDS:-8}

bench: deps build
	sh bench/run.sh

clean:
	rm -rf $(BUILD) build-asan build-fuzz
