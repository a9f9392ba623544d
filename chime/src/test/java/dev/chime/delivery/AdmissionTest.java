package dev.chime.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The queueing rule on its own: caps, FIFO per namespace, namespaces taking turns. */
class AdmissionTest {

  @Test
  void whenRoomFrees_namespacesTakeTurns_insteadOfTheBusiestGoingFirst() {
    Admission<String> admission = new Admission<>(1, 1);
    List<String> started = new ArrayList<>(admission.offer("a", "a1"));
    for (String work : List.of("a2", "a3", "a4", "b1", "c1", "b2")) {
      started.addAll(admission.offer(work.substring(0, 1), work));
    }
    assertThat(started).containsExactly("a1");
    assertThat(admission.capacity()).isZero();

    String last = "a1";
    for (int i = 0; i < 6; i++) {
      List<String> next = admission.finished(last.substring(0, 1));
      assertThat(next).hasSize(1);
      last = next.getFirst();
      started.add(last);
    }

    assertThat(started).containsExactly("a1", "a2", "b1", "c1", "a3", "b2", "a4");
    assertThat(admission.finished("a")).isEmpty();
    assertThat(admission.capacity()).isEqualTo(1);
  }

  @Test
  void capacity_countsQueuedWorkAgainstTheGlobalCap() {
    Admission<String> admission = new Admission<>(3, 1);
    admission.offer("a", "a1");
    admission.offer("a", "a2");

    assertThat(admission.inFlight()).isEqualTo(1);
    assertThat(admission.capacity()).isEqualTo(1);
    assertThat(admission.drain()).containsExactly("a2");
    assertThat(admission.capacity()).isEqualTo(2);
  }

  @Test
  void roomWithRoundAhead_takesAFullRoundBeyondTheCap_toWaitBehindTheWorkInFlight() {
    Admission<String> admission = new Admission<>(2, 2);
    assertThat(admission.roomWithRoundAhead()).isEqualTo(4);
    admission.offer("a", "a1");
    admission.offer("a", "a2");
    admission.offer("b", "b1");

    assertThat(admission.capacity()).isZero();
    assertThat(admission.roomWithRoundAhead()).isEqualTo(1);
    admission.offer("b", "b2");
    assertThat(admission.roomWithRoundAhead()).isZero();
    assertThat(admission.finished("a")).containsExactly("b1");
    assertThat(admission.roomWithRoundAhead()).isEqualTo(1);
  }
}
