using Concentrator.Core.Io;

namespace Concentrator.Core.Tests.Io
{
    /// <summary>
    /// A byte link that plays a script: each step delivers a piece of data, a timeout, or a link status.
    /// Records what was written and the last line settings.
    /// </summary>
    public sealed class ScriptedByteLink : IByteLink
    {
        private readonly object[] _steps;
        private int _next;

        /// <summary>Steps: byte[] (delivered, in reads of at most the caller's count), null (a timeout), or a boxed LinkStatus.</summary>
        public ScriptedByteLink(object[] steps)
        {
            _steps = steps;
        }

        private int _offsetInStep;

        public int TimeoutsServed;
        public LineSettings LastSettings;
        public int BytesWritten;

        public bool Finished
        {
            get { return _next >= _steps.Length; }
        }

        public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead)
        {
            bytesRead = 0;
            if (_next >= _steps.Length)
            {
                TimeoutsServed++;
                return LinkStatus.Timeout;
            }

            object step = _steps[_next];
            if (step == null)
            {
                _next++;
                TimeoutsServed++;
                return LinkStatus.Timeout;
            }

            if (step is LinkStatus)
            {
                _next++;
                return (LinkStatus)step;
            }

            byte[] data = (byte[])step;
            int available = data.Length - _offsetInStep;
            int n = available < count ? available : count;
            System.Array.Copy(data, _offsetInStep, buffer, offset, n);
            _offsetInStep += n;
            if (_offsetInStep == data.Length)
            {
                _next++;
                _offsetInStep = 0;
            }

            bytesRead = n;
            return LinkStatus.Ok;
        }

        public LinkStatus Write(byte[] buffer, int offset, int count)
        {
            BytesWritten += count;
            return LinkStatus.Ok;
        }

        public LinkStatus Configure(LineSettings settings)
        {
            LastSettings = settings;
            return LinkStatus.Ok;
        }
    }
}
