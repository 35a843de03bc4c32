using System;
using Concentrator.Core.Io;
using Concentrator.Core.Tests.Io;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly
{
    /// <summary>
    /// Bytes allocated by a piece of steady-state code, from the runtime's per-thread allocation counter. Shared by the
    /// allocation tests of every protocol.
    /// </summary>
    internal static class Allocation
    {
        /// <summary>Runs <paramref name="action"/> once to warm up (static tables, JIT), then measures a second run.</summary>
        public static long By(Action action)
        {
            action(); // warm up: static tables, JIT
            long before = GC.GetAllocatedBytesForCurrentThread();
            action();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        /// <summary>A <see cref="ScriptedByteLink"/> script: <paramref name="payload"/> <paramref name="times"/> times, each followed by a silent step.</summary>
        public static object[] Repeated(byte[] payload, int times)
        {
            object[] steps = new object[times * 2];
            for (int i = 0; i < steps.Length; i += 2)
            {
                steps[i] = payload;
            }

            return steps;
        }

        /// <summary>Bytes allocated by polling <paramref name="reader"/> until the link's script is used up (the caller has warmed up).</summary>
        public static long UntilFinished(ScriptedByteLink link, PolledLinkReader reader)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            while (!link.Finished)
            {
                reader.Poll();
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }
}
