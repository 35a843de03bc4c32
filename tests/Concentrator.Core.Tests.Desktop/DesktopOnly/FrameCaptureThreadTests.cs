using System;
using System.Collections.Concurrent;
using System.Threading;
using Concentrator.Core.Diagnostics;
using Concentrator.Core.Timing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly
{
    /// <summary>
    /// The command thread arms (and a main loop expires) while a port thread records: every capture is published once,
    /// whole, and nothing throws.
    /// </summary>
    [TestClass]
    public class FrameCaptureThreadTests
    {
        [TestMethod]
        public void Arming_and_expiring_while_a_port_thread_records_publishes_whole_dumps()
        {
            var output = new QueueOutput();
            var clock = new RealClock();
            var capture = new FrameCapture(512, clock, output, 5);
            object link = new object();
            byte[] data = new byte[40];
            Exception failure = null;
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var port = new Thread(() =>
            {
                try
                {
                    while (!stop.IsCancellationRequested)
                    {
                        capture.Begin("m1", link);
                        for (int i = 0; i < 5; i++)
                        {
                            capture.Record(link, CaptureRecordKind.Transmit, data, 0, 5);
                            capture.Record(link, CaptureRecordKind.Receive, data, 0, data.Length);
                        }

                        capture.End("m1", "ok", null);
                    }
                }
                catch (Exception exception)
                {
                    failure = exception;
                }
            });
            port.Start();
            int armed = 0;
            while (!stop.IsCancellationRequested)
            {
                if (capture.Arm("m1", 1 + armed % 3))
                {
                    armed++;
                }

                capture.Expire();
            }

            port.Join();
            capture.Expire();
            Thread.Sleep(10);
            capture.Expire();

            Assert.IsNull(failure, failure?.ToString());
            Assert.IsTrue(armed > 10, "armed " + armed);
            Assert.AreEqual(armed, output.Dumps.Count + (capture.MeterId is null ? 0 : 1), "each armed capture published once");
            foreach (string dump in output.Dumps)
            {
                StringAssert.StartsWith(dump, "capture m1: ");
                Assert.IsTrue(dump.EndsWith("\n", StringComparison.Ordinal), dump);
            }
        }

        private sealed class QueueOutput : ICaptureOutput
        {
            public readonly ConcurrentQueue<string> Dumps = new();

            public void Publish(string meterId, byte[] dump, int length) => Dumps.Enqueue(System.Text.Encoding.ASCII.GetString(dump, 0, length));
        }

        private sealed class RealClock : IMillisecondClock
        {
            private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();

            public long NowMilliseconds => _watch.ElapsedMilliseconds;

            public void Sleep(int milliseconds) => Thread.Sleep(milliseconds);
        }
    }
}
