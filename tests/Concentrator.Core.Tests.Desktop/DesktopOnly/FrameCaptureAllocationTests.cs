using Concentrator.Core.Diagnostics;
using Concentrator.Core.Io;
using Concentrator.Core.Tests.Diagnostics;
using Concentrator.Core.Tests.Io;
using Concentrator.Core.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly
{
    /// <summary>Recording a capture, the capturing link when idle, and a meter's health after a read allocate nothing.</summary>
    [TestClass]
    public class FrameCaptureAllocationTests
    {
        [TestMethod]
        public void Recording_both_directions_and_line_changes_allocates_nothing()
        {
            ManualClock clock = new ManualClock();
            RecordingCaptureOutput output = new RecordingCaptureOutput();
            FrameCapture capture = new FrameCapture(4096, clock, output, 900000);
            byte[] request = Ascii.Bytes("/?!\r\n");
            byte[] answer = new byte[64];
            object link = new object();
            capture.Arm("m1", 1);
            capture.Begin("m1", link);
            long bytes = Allocation.By(() =>
            {
                for (int i = 0; i < 20; i++)
                {
                    clock.Advance(3);
                    capture.Record(link, CaptureRecordKind.Transmit, request, 0, request.Length);
                    capture.RecordLine(link, new LineSettings(9600, 7, LineParity.Even, 1, false));
                    clock.Advance(2);
                    capture.Record(link, CaptureRecordKind.Receive, answer, 0, answer.Length);
                }
            });

            Assert.AreEqual(0L, bytes);
            Assert.IsTrue(capture.Recording);
        }

        [TestMethod]
        public void The_capturing_link_and_reader_health_allocate_nothing_when_no_capture_runs()
        {
            ManualClock clock = new ManualClock();
            FrameCapture capture = new FrameCapture(2048, clock, new RecordingCaptureOutput(), 900000);
            byte[] telegram = Ascii.Bytes("/ISK5\r\n!1234\r\n");
            CapturingByteLink link = new CapturingByteLink(new ScriptedByteLink(Allocation.Repeated(telegram, 100)), capture);
            link.ContinuousMeterId = "p1";
            MeterHealth health = new MeterHealth("p1", clock);
            byte[] buffer = new byte[64];
            long bytes = Allocation.By(() =>
            {
                for (int i = 0; i < 50; i++)
                {
                    link.Read(buffer, 0, buffer.Length, 100, out int read);
                    link.Write(telegram, 0, 5);
                    health.Reading("IEC C 9600 7E1");
                    health.Failure("NoAnswer: no identification");
                    capture.Expire();
                }
            });

            Assert.AreEqual(0L, bytes);
        }
    }
}
