package org.hetao.estation.hall.internal;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hetao.estation.shared.AccountRows;
import org.hetao.estation.shared.AccountTables;
import org.hetao.estation.shared.AccountTables.Export;
import org.hetao.estation.shared.EncryptedColumn;
import org.hetao.estation.shared.PersonalDataContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal data in the hall: the queue ticket's phone number (encrypted, erased when the ticket is
 * finished), and an applicant's appointments, room bookings and event registrations for the export and
 * erasure (upcoming ones are kept, past and cancelled ones erased).
 */
@Configuration(proxyBeanMethods = false)
class HallPersonalData {

	@Bean
	EncryptedColumn hallTicketPhone() {
		return QueueTickets.PHONE;
	}

	@Bean
	PersonalDataContributor hallPersonalDataContributor(JdbcClient jdbc) {
		return new AccountTables("hall", jdbc,
				new Export("appointments", """
						select code, item_code, matter_code, category, slot_date, start_at, end_at, status, created_at
						from hall_appointment where applicant_id = :a order by start_at"""),
				new Export("roomBookings", """
						select room_code, start_at, end_at, purpose, attendees, status, created_at
						from hall_room_booking where booker_id = :a order by start_at"""),
				new Export("eventRegistrations", """
						select e.code, e.start_at, r.status, r.registered_at from hall_event_registration r
						join hall_event e on e.id = r.event_id where r.user_id = :a order by e.start_at""")) {

			@Override
			protected List<Outcome> erase(AccountRows rows, Retention retention) {
				Map<String, Object> now = Map.of("now", retention.now().atOffset(ZoneOffset.UTC));
				List<Outcome> outcomes = new ArrayList<>();
				int upcoming = rows.count("select count(*) from hall_appointment where applicant_id = :a and status = 'BOOKED' and start_at > :now", now);
				int appointments = rows.update("delete from hall_appointment where applicant_id = :a and not (status = 'BOOKED' and start_at > :now)", now);
				int openBookings = rows.count("select count(*) from hall_room_booking where booker_id = :a and end_at > :now and status in ('PENDING', 'APPROVED')", now);
				int bookings = rows.update("delete from hall_room_booking where booker_id = :a and not (end_at > :now and status in ('PENDING', 'APPROVED'))", now);
				int registrations = rows.update("""
						delete from hall_event_registration where user_id = :a
						and event_id in (select id from hall_event where end_at <= :now)""", now);
				outcomes.add(Outcome.erased("appointments", appointments));
				if (upcoming > 0) {
					outcomes.add(Outcome.kept("appointmentsUpcoming", upcoming, OPEN));
				}
				outcomes.add(Outcome.erased("roomBookings", bookings));
				if (openBookings > 0) {
					outcomes.add(Outcome.kept("roomBookingsUpcoming", openBookings, OPEN));
				}
				outcomes.add(Outcome.erased("eventRegistrations", registrations));
				return outcomes;
			}

		};
	}

}
