using System;

namespace Concentrator.Core.Iec62056
{
    /// <summary>
    /// Removes the optical head's echo of our own transmission from what is received. Bytes that match what was sent
    /// are held back until the whole echo has matched (then dropped); a mismatch releases the held bytes as data
    /// (the meter's "/LGZ…" answer starts with the same '/' as our "/?!" request) and ends the expected echo.
    /// In <see cref="IecEchoMode.Auto"/> the first message decides: echo seen completely means echo from then on.
    /// Allocation-free.
    /// </summary>
    public sealed class IecEchoFilter
    {
        private readonly byte[] _expected;
        private readonly byte[] _output;
        private int _expectedLength;
        private int _matched;
        private IecEchoMode _mode;
        private bool _decided;

        public IecEchoFilter(int maxMessageLength, int maxReadLength)
        {
            _expected = new byte[maxMessageLength];
            _output = new byte[maxReadLength + maxMessageLength];
        }

        /// <summary>True once an echo has been seen completely (in Auto mode: the head echoes).</summary>
        public bool EchoDetected { get; private set; }

        /// <summary>Echo bytes dropped since <see cref="Reset"/>.</summary>
        public int DroppedBytes { get; private set; }

        /// <summary>The filtered bytes of the last <see cref="Filter"/> call.</summary>
        public byte[] Output
        {
            get { return _output; }
        }

        /// <summary>Starts a session.</summary>
        public void Reset(IecEchoMode mode)
        {
            _mode = mode;
            _decided = mode != IecEchoMode.Auto;
            EchoDetected = false;
            DroppedBytes = 0;
            _expectedLength = 0;
            _matched = 0;
        }

        /// <summary>We sent these bytes: expect them back (unless echo is off or known absent).</summary>
        public void Sent(byte[] data, int offset, int count)
        {
            if (_mode == IecEchoMode.Off || (_decided && !EchoDetected && _mode == IecEchoMode.Auto) || count > _expected.Length)
            {
                _expectedLength = 0;
                return;
            }

            Array.Copy(data, offset, _expected, 0, count);
            _expectedLength = count;
            _matched = 0;
        }

        /// <summary>Filters received bytes into <see cref="Output"/>; returns how many are data.</summary>
        public int Filter(byte[] data, int offset, int count)
        {
            int n = 0;
            for (int i = offset; i < offset + count; i++)
            {
                byte b = data[i];
                if (_expectedLength > 0)
                {
                    if (b == _expected[_matched])
                    {
                        _matched++;
                        if (_matched == _expectedLength)
                        {
                            DroppedBytes += _matched;
                            _expectedLength = 0;
                            _matched = 0;
                            EchoDetected = true;
                            _decided = true;
                        }

                        continue;
                    }

                    // Not (or no longer) the echo: what was held back is data.
                    Array.Copy(_expected, 0, _output, n, _matched);
                    n += _matched;
                    _expectedLength = 0;
                    _matched = 0;
                    if (!_decided)
                    {
                        _decided = true;
                    }
                }

                _output[n++] = b;
            }

            return n;
        }

        /// <summary>Bytes held back as a possible echo that turned out to be all there is (called when the line goes quiet).</summary>
        public int ReleaseHeld()
        {
            int n = _matched;
            Array.Copy(_expected, 0, _output, 0, n);
            _matched = 0;
            _expectedLength = 0;
            return n;
        }
    }
}
