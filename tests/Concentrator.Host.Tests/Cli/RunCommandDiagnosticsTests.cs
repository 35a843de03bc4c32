using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Concentrator.Host.Simulation;
using Concentrator.Host.Simulation.Iec;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Cli;

/// <summary><c>run --config</c> answers text commands on its console: DIAG and CAPT with real data from the meters it reads.</summary>
[TestClass]
public sealed class RunCommandDiagnosticsTests
{
    [TestMethod]
    public void Run_answers_diag_and_capt_from_the_console_for_push_and_polled_meters()
    {
        using var p1 = new SimulatedP1PortServer(new SimulatedP1PortOptions { Interval = TimeSpan.FromMilliseconds(500), Seed = 5 });
        p1.Start();
        using var iec = new SimulatedIecMeterServer(new IecMeterProfile());
        iec.Start(0);
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path,
                "device=cli\nread-budget-ms=15000\n" +
                "meter house port=p1 protocol=dsmr address=127.0.0.1:" + p1.Port + " interval=0\n" +
                "meter optical port=optical protocol=iec62056-21 address=127.0.0.1:" + iec.Port + " interval=3\n");
            var input = new TimedLines(
                (TimeSpan.Zero, "MCP CAPT PWD=HELLO ID=house N=2"),
                (TimeSpan.Zero, "MCP CAPT PWD=HELLO ID=optical N=1"),
                (TimeSpan.FromSeconds(7), "MCP DIAG PWD=HELLO ID=house"),
                (TimeSpan.Zero, "MCP CAPT PWD=HELLO ID=optical N=1"),
                (TimeSpan.Zero, "MCP DIAG PWD=HELLO"));
            CliRun result = CliRun.InProcess(input, "run", "--config", path, "--duration", "16");

            Assert.AreEqual(0, result.ExitCode, result.Error);
            StringAssert.Contains(result.Error, "CAPT=ARMED ID=house N=2");
            StringAssert.Contains(result.Error, "CAPT=BUSY ID=optical", "one capture at a time");
            Assert.IsTrue(Regex.IsMatch(result.Error, "ID=house ST=OK RD=[1-9]\\d* ERR=0 SEQ=0 AGE=\\d+s LINK=\\[P1 TCP 127\\.0\\.0\\.1:\\d+ 115200 8N1( inverted)?\\] LAST="), result.Error);
            StringAssert.Contains(result.Error, "CAPT=ARMED ID=optical N=1");
            Assert.IsTrue(Regex.IsMatch(result.Error, "UP=\\d+s MTRS=2 OFF=0 RD=[1-9]\\d* ERR=0 Q=0 DROP=0 MQTT=DOWN HEAP= PWDFAIL=0 SIG= LIP=[0-9.]+ PWD=DEFAULT"), result.Error);

            string house = Published(result.Output, "concentrator/cli/meters/house/capture ");
            StringAssert.StartsWith(house, "capture house: 2 of 2 session(s), ");
            StringAssert.Contains(house, "ms RX 2F ", "a telegram starts with '/'");
            StringAssert.Contains(house, "session 2 end: telegram");

            string optical = Published(result.Output, "concentrator/cli/meters/optical/capture ");
            StringAssert.Contains(optical, "ms TX 2F 3F 21 0D 0A\n", "the sign-on request as sent");
            StringAssert.Contains(optical, "session 1 end: ok");
            StringAssert.Contains(result.Error, "run: capture of optical published:");
        }
        finally
        {
            File.Delete(path);
        }
    }

    // The payload of the one message published on a topic (a capture dump spans several lines of the output).
    private static string Published(string output, string topicAndSpace)
    {
        int start = output.IndexOf(topicAndSpace, StringComparison.Ordinal);
        Assert.IsTrue(start >= 0, "nothing on " + topicAndSpace + "\n" + output);
        start += topicAndSpace.Length;
        int end = output.IndexOf("\nconcentrator/", start, StringComparison.Ordinal);
        return end < 0 ? output[start..] : output[start..(end + 1)];
    }

    /// <summary>Standard input that hands out each line after its delay, then ends.</summary>
    private sealed class TimedLines : Stream
    {
        private readonly (TimeSpan Delay, string Line)[] _lines;
        private int _next;
        private byte[] _pending = Array.Empty<byte>();
        private int _offset;

        public TimedLines(params (TimeSpan Delay, string Line)[] lines) => _lines = lines;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset == _pending.Length)
            {
                if (_next == _lines.Length)
                {
                    return 0;
                }

                Thread.Sleep(_lines[_next].Delay);
                _pending = Encoding.ASCII.GetBytes(_lines[_next++].Line + "\n");
                _offset = 0;
            }

            int n = Math.Min(count, _pending.Length - _offset);
            Array.Copy(_pending, _offset, buffer, offset, n);
            _offset += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
