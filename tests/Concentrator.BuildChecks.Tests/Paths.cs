using System;
using System.IO;

namespace Concentrator.BuildChecks.Tests
{
    internal static class Paths
    {
        public static string RepoRoot { get; } = FindRepoRoot();

        public static string ContractsDir => Path.Combine(RepoRoot, "tools", "NanoContracts");

        /// <summary>The built contract assembly (Debug or Release, whichever is newer).</summary>
        public static string ContractAssembly(string name)
        {
            string best = null;
            foreach (var configuration in new[] { "Debug", "Release" })
            {
                var candidate = Path.Combine(ContractsDir, name, "bin", configuration, "netstandard2.0", name + ".dll");
                if (File.Exists(candidate) && (best == null || File.GetLastWriteTimeUtc(candidate) > File.GetLastWriteTimeUtc(best)))
                {
                    best = candidate;
                }
            }

            if (best == null)
            {
                throw new InvalidOperationException("Contract assembly not built: " + name);
            }

            return best;
        }

        private static string FindRepoRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "tools", "NanoContracts")) && Directory.Exists(Path.Combine(dir.FullName, "tests")))
                {
                    return dir.FullName;
                }

                dir = dir.Parent;
            }

            throw new InvalidOperationException("Repository root not found from " + AppContext.BaseDirectory);
        }
    }
}
