using Microsoft.VisualStudio.TestTools.UnitTesting;

// Test classes run in parallel (each uses its own ports and objects); methods within a class run in order.
[assembly: Parallelize(Workers = 0, Scope = ExecutionScope.ClassLevel)]
