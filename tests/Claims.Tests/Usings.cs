global using Claims.Tests.Support;

// Test classes run in parallel, each on its own schema of the one test database.
