package org.anning.mediation;

import java.util.List;

import org.anning.AnningTest;
import org.anning.residents.NewResident;
import org.anning.residents.Resident;
import org.anning.residents.Residents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A resident asks for mediation on the portal and follows only their own requests. */
@AnningTest
class PortalMediationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Residents residents;

	Resident register(String name) {
		return residents.register(new NewResident(name, MediationFixture.idNumber(), MediationFixture.mobile(),
				"Quiet-Harbour-Kettle-58"));
	}

	static RequestPostProcessor as(Resident r) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(r.principal(), null,
				List.of(new SimpleGrantedAuthority("ROLE_RESIDENT"))));
	}

	@Test
	void aRefusedRequestKeepsWhatWasTypedAndAnAcceptedOneShowsOnlyToItsResident() throws Exception {
		Resident me = register("林安");
		Resident other = register("周宁");
		mvc.perform(get("/me/mediation/new").with(as(me)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"林安\""), containsString("id=\"banner\""))));
		mvc.perform(post("/me/mediation/new").with(csrf()).with(as(me)).param("unit", "AN-DC-01")
			.param("category", "NEIGHBOURS").param("account", "楼上邻居每晚十二点后还在拖动家具")
			.param("parties[0].name", "林安").param("parties[0].contact", "abc").param("parties[1].name", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"parties-0-contact-error\""),
					containsString("id=\"parties-1-name-error\""), containsString("楼上邻居每晚十二点后还在拖动家具"),
					containsString("value=\"abc\""))));
		String location = mvc.perform(post("/me/mediation/new").with(csrf()).with(as(me)).param("unit", "AN-DC-01")
			.param("category", "NEIGHBOURS").param("account", "楼上邻居每晚十二点后还在拖动家具")
			.param("parties[0].name", "林安").param("parties[0].contact", "13700001234").param("parties[1].name", "楼上住户"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/me/mediation/TJ-*"))
			.andReturn().getResponse().getRedirectedUrl();
		String ref = location.substring(location.lastIndexOf('/') + 1);
		mvc.perform(get(location).with(as(me)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(ref), containsString("id=\"withdraw-form\""))));
		mvc.perform(get("/me/mediation").with(as(me))).andExpect(content().string(containsString("id=\"dispute-" + ref + "\"")));
		mvc.perform(get("/me/mediation").with(as(other))).andExpect(content().string(not(containsString(ref))));
		mvc.perform(get(location).with(as(other))).andExpect(status().isNotFound());
		mvc.perform(post(location + "/withdrawal").with(csrf()).with(as(other))).andExpect(status().isNotFound());
		mvc.perform(post(location + "/withdrawal").with(csrf()).with(as(me))).andExpect(status().is3xxRedirection());
		mvc.perform(get(location).with(as(me)))
			.andExpect(content().string(not(containsString("id=\"withdraw-form\""))));
	}
}
