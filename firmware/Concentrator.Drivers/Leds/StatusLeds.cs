using System;
using System.Device.Gpio;
using Concentrator.Core.Boards;
using Concentrator.Drivers.Diagnostics;

namespace Concentrator.Drivers.Leds
{
    /// <summary>
    /// The board's status and activity LEDs, on the pins and with the polarity of its <see cref="BoardProfile"/>
    /// (active-low LEDs hang from 3.3 V into a strapping pin). A board without an LED simply has nothing lit; a pin
    /// that cannot be opened is reported once in <see cref="LastProblem"/> and then left alone: LEDs never stop the
    /// concentrator.
    /// </summary>
    public sealed class StatusLeds : IDisposable
    {
        private readonly GpioController _gpio;
        private readonly int _statusPin;
        private readonly int _activityPin;
        private readonly bool _activeLow;
        private bool _statusLit;
        private bool _activityLit;
        private bool _statusKnown;
        private bool _activityKnown;

        public StatusLeds(BoardProfile profile)
        {
            if (profile == null)
            {
                throw new ArgumentNullException("profile");
            }

            _activeLow = profile.LedsActiveLow;
            try
            {
                _gpio = new GpioController();
                _statusPin = Open(profile.Pin(BoardFunction.StatusLed));
                _activityPin = Open(profile.Pin(BoardFunction.ActivityLed));
            }
            catch (Exception ex)
            {
                LastProblem = "LEDs: " + ExceptionText.Describe(ex);
                _statusPin = -1;
                _activityPin = -1;
            }
        }

        /// <summary>Why an LED pin could not be used, or null.</summary>
        public string LastProblem { get; private set; }

        /// <summary>Lights or darkens the status LED (writes the pin only when the state changes).</summary>
        public void SetStatus(bool lit)
        {
            if (_statusKnown && lit == _statusLit)
            {
                return;
            }

            _statusKnown = true;
            _statusLit = lit;
            Write(_statusPin, lit);
        }

        /// <summary>Lights or darkens the activity LED (writes the pin only when the state changes).</summary>
        public void SetActivity(bool lit)
        {
            if (_activityKnown && lit == _activityLit)
            {
                return;
            }

            _activityKnown = true;
            _activityLit = lit;
            Write(_activityPin, lit);
        }

        public void Dispose()
        {
            if (_gpio != null)
            {
                _gpio.Dispose();
            }
        }

        private int Open(int pin)
        {
            if (pin < 0)
            {
                return -1;
            }

            try
            {
                _gpio.OpenPin(pin, PinMode.Output);
                _gpio.Write(pin, _activeLow ? PinValue.High : PinValue.Low);
                return pin;
            }
            catch (Exception ex)
            {
                LastProblem = "LED on GPIO" + pin.ToString() + ": " + ExceptionText.Describe(ex);
                return -1;
            }
        }

        private void Write(int pin, bool lit)
        {
            if (pin < 0)
            {
                return;
            }

            try
            {
                _gpio.Write(pin, lit != _activeLow ? PinValue.High : PinValue.Low);
            }
            catch (Exception ex)
            {
                LastProblem = "LED on GPIO" + pin.ToString() + ": " + ExceptionText.Describe(ex);
            }
        }
    }
}
