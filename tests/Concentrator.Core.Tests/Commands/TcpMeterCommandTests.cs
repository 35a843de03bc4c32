using Concentrator.Core.Scheduling;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Commands
{
    /// <summary>MADD of TCP meters: checked against Core's TcpEndpointPlan beside the meters already there.</summary>
    [TestClass]
    public class TcpMeterCommandTests
    {
        private static void Accepted(string expectedStart, string reply)
        {
            Assert.IsTrue(reply.IndexOf(expectedStart) == 0, "expected a reply starting '" + expectedStart + "', got '" + reply + "'");
        }

        [TestMethod]
        public void Meters_of_one_ser2net_bus_share_an_endpoint_and_the_limit_counts_endpoints()
        {
            CommandRig rig = new CommandRig(true);
            for (int i = 0; i < TcpEndpointPlan.MaxEndpoints; i++)
            {
                string reply = rig.Run("MCP MADD PWD=HELLO ID=gw-" + i.ToString() + " PORT=TCP PROTO=WRAP ADDR=10.0.0." + (20 + i).ToString() + ":4059");
                Assert.IsTrue(reply.IndexOf("ID=gw-" + i.ToString() + " PORT=TCP PROTO=WRAP") == 0, reply);
            }

            // A fifth endpoint is refused, and nothing of it is applied.
            string before = rig.Executor.Current.ToText();
            Assert.AreEqual("Parameter value incorrect", rig.Run("MCP MADD PWD=HELLO ID=gw-x PORT=TCP PROTO=WRAP ADDR=10.0.0.99:4059"));
            Assert.AreEqual(before, rig.Executor.Current.ToText());

            // Another meter behind an endpoint already there costs no connection: accepted.
            Accepted("ID=gw-1b PORT=TCP PROTO=WRAP ADDR=10.0.0.21:4059/2", rig.Run("MCP MADD PWD=HELLO ID=gw-1b PORT=TCP PROTO=WRAP ADDR=10.0.0.21:4059/2"));

            // Moving a meter to a new endpoint is refused when that would be one too many ...
            Assert.AreEqual("Parameter value incorrect", rig.Run("MCP MADD PWD=HELLO ID=gw-1b ADDR=10.0.0.98:4059"));

            // ... but an endpoint's only meter may move (its old endpoint goes away).
            Accepted("ID=gw-3 PORT=TCP PROTO=WRAP ADDR=10.0.0.97:4059", rig.Run("MCP MADD PWD=HELLO ID=gw-3 ADDR=10.0.0.97:4059"));
        }

        [TestMethod]
        public void Stream_on_an_endpoint_in_use_is_refused()
        {
            CommandRig rig = new CommandRig(true);
            Accepted("ID=bus-17 PORT=TCP PROTO=HDLC ADDR=10.0.0.5:4001/1/17", rig.Run("MCP MADD PWD=HELLO ID=bus-17 PORT=TCP PROTO=HDLC ADDR=10.0.0.5:4001/1/17"));

            Assert.AreEqual("Parameter value incorrect", rig.Run("MCP MADD PWD=HELLO ID=p1-tcp PORT=TCP PROTO=DSMR ADDR=10.0.0.5:4001 INT=0"));
            Accepted("ID=p1-tcp PORT=TCP PROTO=DSMR ADDR=10.0.0.7:2001", rig.Run("MCP MADD PWD=HELLO ID=p1-tcp PORT=TCP PROTO=DSMR ADDR=10.0.0.7:2001 INT=0"));
        }
    }
}
