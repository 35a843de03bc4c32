namespace Concentrator.Core.Mqtt
{
    /// <summary>What a reading is to Home Assistant, derived by <see cref="HomeAssistantSensorClass"/> from OBIS and unit.</summary>
    /// <remarks>Values stay below 16: a discovery record packs a sensor's kind and unit code into one byte.</remarks>
    public enum HomeAssistantSensorKind : byte
    {
        /// <summary>Not a sensor Home Assistant should get (text, identifiers, timestamps).</summary>
        None = 0,

        /// <summary>Active energy register: device_class energy, state_class total_increasing (the energy dashboard).</summary>
        Energy = 1,

        /// <summary>Instantaneous active power: power, measurement.</summary>
        Power = 2,

        Voltage = 3,

        Current = 4,

        Frequency = 5,

        PowerFactor = 6,

        /// <summary>Gas volume register: gas, total_increasing, m³.</summary>
        Gas = 7,

        /// <summary>Water volume register: water, total_increasing, m³.</summary>
        Water = 8,

        /// <summary>Reactive energy register: no device class Home Assistant's energy dashboard uses; total_increasing.</summary>
        ReactiveEnergy = 9,

        /// <summary>Instantaneous reactive power: reactive_power, measurement.</summary>
        ReactivePower = 10,

        /// <summary>A number with a unit but no known meaning: measurement only.</summary>
        OtherMeasurement = 11,
    }
}
