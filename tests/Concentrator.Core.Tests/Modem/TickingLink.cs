using Concentrator.Core.Io;
using Concentrator.Core.Tests.Commands;
using Concentrator.Core.Tests.Io;

namespace Concentrator.Core.Tests.Modem
{
    /// <summary>A scripted link whose timeouts move a manual clock by the time waited, as a real link's would.</summary>
    public sealed class TickingLink : IByteLink
    {
        private readonly ScriptedByteLink _script;

        public TickingLink(object[] steps)
        {
            _script = new ScriptedByteLink(steps);
        }

        public readonly ManualClock Clock = new ManualClock();

        public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead)
        {
            LinkStatus status = _script.Read(buffer, offset, count, timeoutMilliseconds, out bytesRead);
            if (status == LinkStatus.Timeout)
            {
                Clock.Now += timeoutMilliseconds;
            }

            return status;
        }

        public LinkStatus Write(byte[] buffer, int offset, int count)
        {
            return _script.Write(buffer, offset, count);
        }

        public LinkStatus Configure(LineSettings settings)
        {
            return _script.Configure(settings);
        }
    }
}
