// A tiny admin client for the test broker, run with Java's single-file source launcher:
//   java -cp '.services/cache/kafka-<ver>/libs/*' infra/services/lib/KafkaCheck.java ping 127.0.0.1:59092
// Commands: ping | list | create TOPIC [PARTITIONS] | delete TOPIC. Exit code 0 on success.

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.TopicExistsException;

public class KafkaCheck {
  private static final long WAIT_S = 10;

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: KafkaCheck ping|list|create TOPIC [PARTITIONS]|delete TOPIC BROKERS");
      System.exit(2);
    }
    String cmd = args[0];
    String brokers = args[1];
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "services-check");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000);
    try (Admin admin = Admin.create(props)) {
      switch (cmd) {
        case "ping" -> ping(admin, brokers);
        case "list" -> {
          for (String t : new TreeSet<>(admin.listTopics().names().get(WAIT_S, TimeUnit.SECONDS))) {
            System.out.println(t);
          }
        }
        case "create" -> create(admin, arg(args, 2), args.length > 3 ? Integer.parseInt(args[3]) : -1);
        case "delete" -> {
          admin.deleteTopics(List.of(arg(args, 2))).all().get(WAIT_S, TimeUnit.SECONDS);
          System.out.println("deleted " + args[2]);
        }
        default -> {
          System.err.println("unknown command " + cmd);
          System.exit(2);
        }
      }
    } catch (ExecutionException e) {
      System.err.println(cmd + " failed: " + e.getCause());
      System.exit(1);
    } catch (Exception e) {
      System.err.println(cmd + " failed: " + e);
      System.exit(1);
    }
  }

  private static String arg(String[] args, int i) {
    if (args.length <= i) {
      System.err.println("missing topic name");
      System.exit(2);
    }
    return args[i];
  }

  // Ready means: the cluster has a broker and an active controller, and metadata can be listed.
  private static void ping(Admin admin, String brokers) throws Exception {
    DescribeClusterResult d = admin.describeCluster();
    var nodes = d.nodes().get(WAIT_S, TimeUnit.SECONDS);
    Node controller = d.controller().get(WAIT_S, TimeUnit.SECONDS);
    String clusterId = d.clusterId().get(WAIT_S, TimeUnit.SECONDS);
    if (nodes.isEmpty() || controller == null || controller.isEmpty()) {
      System.err.println("no broker or controller registered yet");
      System.exit(1);
    }
    int topics = admin.listTopics().names().get(WAIT_S, TimeUnit.SECONDS).size();
    System.out.printf("ok: %s cluster %s, %d broker(s), %d topic(s)%n", brokers, clusterId, nodes.size(), topics);
  }

  private static void create(Admin admin, String topic, int partitions) throws Exception {
    Optional<Integer> p = partitions > 0 ? Optional.of(partitions) : Optional.empty();
    NewTopic nt = new NewTopic(topic, p, Optional.of((short) 1));
    try {
      admin.createTopics(List.of(nt)).all().get(WAIT_S, TimeUnit.SECONDS);
      System.out.println("created " + topic);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) throw e;
      System.out.println("exists " + topic);
    }
  }
}
