using System;
using System.Device.Pwm;
using Concentrator.Core.Io;
using Concentrator.Core.Optical;
using Concentrator.Drivers.Diagnostics;
using Concentrator.Drivers.Esp32;
using Concentrator.Drivers.Serial;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Hardware.Esp32.Rmt;

namespace Concentrator.Drivers.Optical
{
    /// <summary>
    /// The optical port as Core's <see cref="IByteLink"/>, for the IEC 62056-21 session (and, after a mode E handover,
    /// the HDLC client). One driver, three hardware variants (<see cref="OpticalPortVariant"/>):
    /// <list type="bullet">
    /// <item>plain probe: the UART sends and receives at the configured framing (7E1 sign-on, up to 19200 baud);</item>
    /// <item>RMT carrier: received on the UART's RX from a demodulating receiver; sent through the RMT peripheral,
    ///   each character encoded by Core's <see cref="CarrierPulseEncoder"/> into carrier bursts (38 kHz hardware
    ///   carrier, 1 µs ticks) and written as raw RMT items;</item>
    /// <item>PWM-gated carrier: a PWM channel runs the 38 kHz carrier continuously; the UART's TX gates it in hardware
    ///   (see the README's wiring), so the UART sends at its own speed.</item>
    /// </list>
    /// The modulated variants refuse any baud above <see cref="OpticalPortOptions.ModulatedBaudCap"/>. One thread owns an
    /// instance; nothing allocates per call; every wait is bounded; failures come back as a <see cref="LinkStatus"/>
    /// with <see cref="LastProblem"/> saying what happened. The UART part (open, bounded reads, writes, framing,
    /// release) is the shared <see cref="UartLink"/>; this class adds the carrier transmitters.
    /// </summary>
    public sealed class OpticalPort : IByteLink, IDisposable
    {
        // Characters encoded per RMT transmission: 8 × at most 11 runs = 44 items = 176 bytes.
        private const int CharactersPerRmtBurst = 8;

        private const int WriteTimeoutMilliseconds = 5000;

        private readonly OpticalPortOptions _options;
        private readonly UartLink _uart;
        private readonly CarrierPulseEncoder _encoder;
        private readonly byte[] _rmtItems;
        private LineSettings _settings = new LineSettings(300, 7, LineParity.Even, 1, false);
        private TransmitterChannel _rmt;
        private PwmChannel _pwm;
        private bool _disposed;

        public OpticalPort(OpticalPortOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            if (Esp32Uart.PortNumber(options.PortName) == 0)
            {
                throw new ArgumentException("optical port name must be COM1, COM2 or COM3");
            }

            if (options.RxPin < 0 || options.TxPin < 0 || options.RxPin == options.TxPin)
            {
                throw new ArgumentException("optical RX and TX pins must be set and differ");
            }

            bool modulated = options.Variant != OpticalPortVariant.PlainUart;
            if (modulated && (options.CarrierPin < 0 || options.CarrierPin == options.RxPin || options.CarrierPin == options.TxPin))
            {
                throw new ArgumentException("a modulated optical port needs its own carrier pin");
            }

            if (modulated && (options.CarrierHertz < 10000 || options.CarrierHertz > 100000 || options.CarrierDutyPercent < 1 || options.CarrierDutyPercent > 99))
            {
                throw new ArgumentOutOfRangeException("options", "carrier must be 10..100 kHz with a duty cycle of 1..99 %");
            }

            if (options.Variant == OpticalPortVariant.PwmGatedCarrier && (options.PwmFunction < 1 || options.PwmFunction > 16))
            {
                throw new ArgumentOutOfRangeException("options", "PWM function must be 1..16");
            }

            if (options.ModulatedBaudCap < 300 || options.PlainBaudCap < 300 || options.ReceiveBufferSize < 256 || options.PollIntervalMilliseconds < 1)
            {
                throw new ArgumentOutOfRangeException("options");
            }

            _options = options;
            _uart = new UartLink(options.PortName, options.PollIntervalMilliseconds);
            if (options.Variant == OpticalPortVariant.RmtCarrier)
            {
                _encoder = new CarrierPulseEncoder(CharactersPerRmtBurst * 11);
                _rmtItems = new byte[(CharactersPerRmtBurst * 11 + 1) / 2 * 4 + 4];
            }
        }

        /// <summary>The highest baud this port follows: the session's <c>PortMaximumBaud</c>.</summary>
        public int MaximumBaud
        {
            get { return _options.Variant == OpticalPortVariant.PlainUart ? _options.PlainBaudCap : _options.ModulatedBaudCap; }
        }

        public OpticalPortVariant Variant
        {
            get { return _options.Variant; }
        }

        public bool IsOpen
        {
            get { return _uart.IsOpen; }
        }

        public LineSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>What went wrong last (open failure, refused baud, UART or RMT error), or null.</summary>
        public string LastProblem
        {
            get { return _uart.LastProblem; }
        }

        /// <summary>Routes the pins, opens the UART at 300 7E1 and starts the transmitter of the variant.</summary>
        public LinkStatus Open()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException("OpticalPort");
            }

            if (_uart.IsOpen)
            {
                return LinkStatus.Ok;
            }

            LinkStatus status = _uart.Open(_settings, _options.RxPin, _options.TxPin, _options.ReceiveBufferSize, WriteTimeoutMilliseconds, null, "the optical port on " + _options.PortName);
            if (status != LinkStatus.Ok)
            {
                return status;
            }

            try
            {
                return StartCarrier();
            }
            catch (Exception ex)
            {
                Close();
                _uart.LastProblem = "opening the optical port on " + _options.PortName + " failed: " + ExceptionText.Describe(ex);
                return ex is NotSupportedException ? LinkStatus.NotSupported : LinkStatus.Fault;
            }
        }

        public void Close()
        {
            if (_pwm != null)
            {
                try
                {
                    _pwm.Stop();
                    _pwm.Dispose();
                }
                catch (Exception)
                {
                    // Releasing the channel at close has no one to report to.
                }

                _pwm = null;
            }

            if (_rmt != null)
            {
                try
                {
                    _rmt.Dispose();
                }
                catch (Exception)
                {
                }

                _rmt = null;
            }

            _uart.Close();
        }

        public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out int bytesRead)
        {
            return _uart.Read(buffer, offset, count, timeoutMilliseconds, out bytesRead);
        }

        /// <summary>
        /// Sends the bytes at the current framing. Plain and PWM variants hand them to the UART; the RMT variant encodes
        /// them into carrier bursts and waits until the RMT has sent them (a pause between bursts only lengthens the
        /// idle time between characters, which a UART receiver accepts).
        /// </summary>
        public LinkStatus Write(byte[] buffer, int offset, int count)
        {
            if (_options.Variant != OpticalPortVariant.RmtCarrier)
            {
                return _uart.Write(buffer, offset, count);
            }

            UartLink.CheckRange(buffer, offset, count);
            if (!_uart.IsOpen)
            {
                return LinkStatus.Closed;
            }

            int total = count;
            try
            {
                while (count > 0)
                {
                    int n = count < CharactersPerRmtBurst ? count : CharactersPerRmtBurst;
                    if (_encoder.Encode(buffer, offset, n, _settings) < 0)
                    {
                        _uart.LastProblem = "carrier encoding failed for " + _settings.ToString();
                        return LinkStatus.Fault;
                    }

                    // Unused items stay zero: a zero duration is the RMT's end-of-transmission marker.
                    Array.Clear(_rmtItems, 0, _rmtItems.Length);
                    _encoder.WriteRmtItems(_rmtItems, 0);
                    _rmt.SendData(_rmtItems, true);
                    offset += n;
                    count -= n;
                }

                return LinkStatus.Ok;
            }
            catch (Exception ex)
            {
                return _uart.WriteFailed(ex, "the optical port's RMT carrier", total);
            }
        }

        /// <summary>
        /// Changes baud and framing in place (IEC 62056-21: 300 7E1 sign-on, then the negotiated baud; 8N1 after a mode E
        /// handover). A modulated port refuses bauds above its cap with NotSupported. The caller waits for sent bytes to
        /// leave the line before calling this (Core's session does).
        /// </summary>
        public LinkStatus Configure(LineSettings settings)
        {
            LinkStatus supported = _uart.CheckFraming(settings, false, "framing ");
            if (supported != LinkStatus.Ok)
            {
                return supported;
            }

            if (settings.BaudRate > MaximumBaud)
            {
                _uart.LastProblem = "baud " + settings.BaudRate.ToString() + " is above what this optical head follows (" + MaximumBaud.ToString() + ")";
                return LinkStatus.NotSupported;
            }

            _settings = settings;
            return _uart.Apply(settings);
        }

        public void Dispose()
        {
            if (!_disposed)
            {
                Close();
                _disposed = true;
            }
        }

        private LinkStatus StartCarrier()
        {
            switch (_options.Variant)
            {
                case OpticalPortVariant.RmtCarrier:
                    TransmitChannelSettings settings = _options.RmtChannel >= 0
                        ? new TransmitChannelSettings(_options.RmtChannel, _options.CarrierPin)
                        : new TransmitChannelSettings(_options.CarrierPin);
                    settings.ClockDivider = 80; // 80 MHz APB / 80 = 1 µs ticks, the encoder's unit
                    settings.EnableCarrierWave = true;
                    settings.CarrierWaveFrequency = _options.CarrierHertz;
                    settings.CarrierWaveDutyPercentage = (byte)_options.CarrierDutyPercent;
                    settings.CarrierLevel = true;        // carrier during the high level = a 0 bit
                    settings.EnableIdleLevelOutput = true;
                    settings.IdleLevel = false;          // dark when idle (mark)
                    _rmt = new TransmitterChannel(settings);
                    return LinkStatus.Ok;
                case OpticalPortVariant.PwmGatedCarrier:
                    Configuration.SetPinFunction(_options.CarrierPin, (DeviceFunction)((int)DeviceFunction.PWM1 + (_options.PwmFunction - 1) * 0x100));
                    _pwm = PwmChannel.CreateFromPin(_options.CarrierPin, _options.CarrierHertz, _options.CarrierDutyPercent / 100.0);
                    if (_pwm == null)
                    {
                        _uart.LastProblem = "GPIO " + _options.CarrierPin.ToString() + " has no PWM channel";
                        Close();
                        return LinkStatus.NotSupported;
                    }

                    _pwm.Start();
                    return LinkStatus.Ok;
                default:
                    return LinkStatus.Ok;
            }
        }
    }
}
