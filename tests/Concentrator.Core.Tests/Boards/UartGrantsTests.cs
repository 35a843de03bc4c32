using Concentrator.Core.Boards;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Boards
{
    [TestClass]
    public class UartGrantsTests
    {
        [TestMethod]
        public void First_come_first_served_a_port_on_a_taken_UART_is_refused_and_the_rest_granted()
        {
            UartGrants grants = new UartGrants(BoardProfiles.DevKitC(), 0, null);
            string problem;

            Assert.IsTrue(grants.TryGrant(UartRole.P1, out problem), problem);
            Assert.IsFalse(grants.TryGrant(UartRole.Optical, out problem));
            Assert.IsTrue(problem.IndexOf("p1 and optical both need COM2") >= 0, problem);
            Assert.IsTrue(grants.TryGrant(UartRole.Rs485, out problem), problem);
            Assert.IsFalse(grants.TryGrant(UartRole.SmlPush, out problem));
            Assert.IsTrue(problem.IndexOf("COM3") >= 0, problem);

            Assert.AreEqual(2, grants.Count);
            Assert.IsTrue(grants.IsGranted(UartRole.P1));
            Assert.IsTrue(grants.IsGranted(UartRole.Rs485));
            Assert.IsFalse(grants.IsGranted(UartRole.Optical));
        }

        [TestMethod]
        public void The_modems_UART_is_not_granted_to_a_port()
        {
            UartGrants grants = new UartGrants(BoardProfiles.DevKitC(), 2, "the GSM modem (modem.port)");
            string problem;

            Assert.IsFalse(grants.TryGrant(UartRole.P1, out problem));
            Assert.AreEqual("p1 needs COM2 on board devkitc-wifi, which the GSM modem (modem.port) takes", problem);
            Assert.IsTrue(grants.TryGrant(UartRole.Rs485, out problem), problem);
            Assert.AreEqual(1, grants.Count);
        }

        [TestMethod]
        public void A_port_the_board_lacks_is_refused_by_name()
        {
            UartGrants grants = new UartGrants(BoardProfiles.OlimexPoe(), 0, null);
            string problem;

            Assert.IsFalse(grants.TryGrant(UartRole.SmlPush, out problem));
            Assert.IsTrue(problem.IndexOf("has no") >= 0, problem);
            Assert.IsTrue(grants.TryGrant(UartRole.Optical, out problem), problem);
            Assert.IsTrue(grants.TryGrant(UartRole.Optical, out problem), "granting twice is harmless");
            Assert.AreEqual(1, grants.Count);
        }
    }
}
