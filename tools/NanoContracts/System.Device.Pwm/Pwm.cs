namespace System.Device.Pwm
{
    public enum PwmPulsePolarity
    {
        ActiveHigh,
        ActiveLow,
    }

    public sealed class PwmChannel : IDisposable
    {
        public PwmChannel(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5) { }
        public int Frequency { get { throw null; } set { } }
        // Duty cycle as a fraction, 0.0 to 1.0.
        public double DutyCycle { get { throw null; } set { } }
        public void Start() { }
        public void Stop() { }
        public static PwmChannel Create(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5) { throw null; }
        // Returns null when the pin has no PWM channel (on ESP32 route it with DeviceFunction.PWMx first).
        public static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5) { throw null; }
        public void Dispose() { }
    }
}
