using Concentrator.Core.Io;
using Concentrator.Core.Tests.Io;

namespace Concentrator.Core.Tests.Scheduling
{
    /// <summary>A scripted link on a fake clock: a timeout step takes the whole wait asked for.</summary>
    public sealed class ClockedByteLink : IByteLink
    {
        private readonly ScriptedByteLink _script;
        private readonly FakeScheduleClock _clock;

        public ClockedByteLink(object[] steps, FakeScheduleClock clock)
        {
            _script = new ScriptedByteLink(steps);
            _clock = clock;
        }

        public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead)
        {
            LinkStatus status = _script.Read(buffer, offset, count, timeoutMilliseconds, out bytesRead);
            if (status == LinkStatus.Timeout)
            {
                _clock.Advance(timeoutMilliseconds);
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
