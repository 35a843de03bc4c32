using Concentrator.Core.Mqtt;
using Concentrator.Core.Obis;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Mqtt
{
    [TestClass]
    public class HomeAssistantSensorClassTests
    {
        private static HomeAssistantSensorKind Classify(string obis, string unit)
        {
            ObisCode code;
            Assert.IsTrue(ObisCode.TryParse(obis, out code), obis);
            byte[] text = Ascii.Bytes(unit);
            return HomeAssistantSensorClass.Classify(code, text, 0, text.Length);
        }

        private static string Unit(string obis, string unit)
        {
            byte[] text = Ascii.Bytes(unit);
            return HomeAssistantSensorClass.Unit(Classify(obis, unit), text, 0, text.Length);
        }

        [TestMethod]
        [DataRow("1-0:1.8.0", "kWh", (int)HomeAssistantSensorKind.Energy)]
        [DataRow("1-0:1.8.1", "kWh", (int)HomeAssistantSensorKind.Energy)]
        [DataRow("1-0:2.8.2", "Wh", (int)HomeAssistantSensorKind.Energy)]
        [DataRow("1-0:1.8.0", "KWH", (int)HomeAssistantSensorKind.Energy)]
        [DataRow("1-0:1.7.0", "kW", (int)HomeAssistantSensorKind.Power)]
        [DataRow("1-0:21.7.0", "W", (int)HomeAssistantSensorKind.Power)]
        [DataRow("1-0:32.7.0", "V", (int)HomeAssistantSensorKind.Voltage)]
        [DataRow("1-0:71.7.0", "A", (int)HomeAssistantSensorKind.Current)]
        [DataRow("1-0:14.7.0", "Hz", (int)HomeAssistantSensorKind.Frequency)]
        [DataRow("1-0:13.7.0", "", (int)HomeAssistantSensorKind.PowerFactor)]
        [DataRow("0-1:24.2.1", "m3", (int)HomeAssistantSensorKind.Gas)]
        [DataRow("7-0:3.0.0", "m3", (int)HomeAssistantSensorKind.Gas)]
        [DataRow("8-0:1.0.0", "m3", (int)HomeAssistantSensorKind.Water)]
        [DataRow("1-0:3.8.0", "kvarh", (int)HomeAssistantSensorKind.ReactiveEnergy)]
        [DataRow("1-0:3.7.0", "kvar", (int)HomeAssistantSensorKind.ReactivePower)]
        [DataRow("1-0:1.8.0", "V", (int)HomeAssistantSensorKind.OtherMeasurement)]
        [DataRow("1-0:32.7.0", "A", (int)HomeAssistantSensorKind.OtherMeasurement)]
        [DataRow("0-0:96.7.19", "s", (int)HomeAssistantSensorKind.None)]
        [DataRow("1-0:32.32.0", "", (int)HomeAssistantSensorKind.None)]
        public void Kind_follows_from_OBIS_and_unit(string obis, string unit, int expected)
        {
            Assert.AreEqual(expected, (int)Classify(obis, unit), obis + " " + unit);
        }

        // A discovery record keeps a unit as its code: every unit the classifier gives must have one, and come back.
        [TestMethod]
        [DataRow("1-0:1.8.0", "kWh")]
        [DataRow("1-0:1.8.0", "Wh")]
        [DataRow("1-0:1.8.0", "MWh")]
        [DataRow("1-0:1.7.0", "kW")]
        [DataRow("1-0:1.7.0", "W")]
        [DataRow("1-0:3.8.0", "kvarh")]
        [DataRow("1-0:3.8.0", "varh")]
        [DataRow("1-0:3.7.0", "kvar")]
        [DataRow("1-0:3.7.0", "var")]
        [DataRow("1-0:32.7.0", "V")]
        [DataRow("1-0:31.7.0", "A")]
        [DataRow("1-0:14.7.0", "Hz")]
        [DataRow("0-1:24.2.1", "m3")]
        [DataRow("8-0:1.0.0", "m3")]
        [DataRow("1-0:13.7.0", "")]
        [DataRow("1-0:1.8.0", "V")]
        public void Every_unit_the_classifier_gives_has_a_code(string obis, string sent)
        {
            string unit = Unit(obis, sent);
            Assert.AreEqual(unit, HomeAssistantSensorClass.UnitName(HomeAssistantSensorClass.UnitCode(unit)), obis + " " + sent);
        }

        [TestMethod]
        public void A_unit_without_a_code_is_refused()
        {
            Assert.ThrowsException(typeof(System.ArgumentException), () => HomeAssistantSensorClass.UnitCode("furlong"));
        }

        [TestMethod]
        public void Energy_registers_are_total_increasing_energy_for_the_dashboard()
        {
            Assert.AreEqual("energy", HomeAssistantSensorClass.DeviceClass(HomeAssistantSensorKind.Energy));
            Assert.AreEqual("total_increasing", HomeAssistantSensorClass.StateClass(HomeAssistantSensorKind.Energy));
            Assert.AreEqual("kWh", Unit("1-0:1.8.0", "KWH"));
            Assert.AreEqual("power", HomeAssistantSensorClass.DeviceClass(HomeAssistantSensorKind.Power));
            Assert.AreEqual("measurement", HomeAssistantSensorClass.StateClass(HomeAssistantSensorKind.Power));
            Assert.AreEqual("kW", Unit("1-0:1.7.0", "kW"));
            Assert.AreEqual("gas", HomeAssistantSensorClass.DeviceClass(HomeAssistantSensorKind.Gas));
            Assert.AreEqual("total_increasing", HomeAssistantSensorClass.StateClass(HomeAssistantSensorKind.Gas));
            Assert.AreEqual("m\u00b3", Unit("0-1:24.2.1", "m3"));
            Assert.AreEqual("water", HomeAssistantSensorClass.DeviceClass(HomeAssistantSensorKind.Water));
            Assert.IsNull(HomeAssistantSensorClass.DeviceClass(HomeAssistantSensorKind.ReactiveEnergy));
            Assert.AreEqual("total_increasing", HomeAssistantSensorClass.StateClass(HomeAssistantSensorKind.ReactiveEnergy));
            Assert.AreEqual("power_factor", HomeAssistantSensorClass.DeviceClass(HomeAssistantSensorKind.PowerFactor));
            Assert.IsNull(Unit("1-0:13.7.0", ""));
            Assert.AreEqual("V", Unit("1-0:52.7.0", "V"));
            Assert.AreEqual("Hz", Unit("1-0:14.7.0", "Hz"));
        }

        [TestMethod]
        public void Names_say_direction_phase_and_tariff()
        {
            ObisCode code;
            ObisCode.TryParse("1-0:1.8.2", out code);
            Assert.AreEqual("Energy import tariff 2", HomeAssistantSensorClass.Name(code, HomeAssistantSensorKind.Energy));
            ObisCode.TryParse("1-0:42.7.0", out code);
            Assert.AreEqual("Power export L2", HomeAssistantSensorClass.Name(code, HomeAssistantSensorKind.Power));
            ObisCode.TryParse("1-0:72.7.0", out code);
            Assert.AreEqual("Voltage L3", HomeAssistantSensorClass.Name(code, HomeAssistantSensorKind.Voltage));
        }
    }
}
